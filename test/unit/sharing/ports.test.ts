import { describe, expectTypeOf, it } from 'vitest';
import type { SharingApi } from '../../../main/sharing/ports';
import type { AgentSharingClient } from '../../../main/wso2/agent-sharing';

describe('ports', () => {
  it('the WSO2 Agent Sharing client satisfies the SharingApi port as it is', () => {
    expectTypeOf<AgentSharingClient>().toExtend<SharingApi>();
  });
});
