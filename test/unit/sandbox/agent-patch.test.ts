import { describe, expect, it } from 'vitest';
import { applyChange, parsePatch, parsePut } from '../../../main/sandbox/agents/patch';
import { ReplyError } from '../../../main/sandbox/http';
import type { Agent } from '../../../main/sandbox/model';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function agent(): Agent {
  return {
    id: 'a1',
    userName: 'AGENT/a1',
    password: 'old-secret',
    orgId: 'root',
    displayName: 'Support Assistant',
    description: 'Answers tickets',
    owner: 'admin',
    isUserServingAgent: true,
    accountLocked: false,
    created: 'c',
    lastModified: 'c',
    extension: { AgentType: 'INTERACTIVE' },
    failedLogins: 3,
  };
}

function scimType(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof ReplyError)) throw error;
    return (error.reply.body as { scimType?: string }).scimType;
  }
}

describe('agent patch', () => {
  it('replaces the secret the way the Console regenerates it', () => {
    const target = agent();
    const change = parsePatch({
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { password: 'new-secret' } }],
    });
    applyChange(target, change, 'later');
    expect(target.password).toBe('new-secret');
    expect(target.lastModified).toBe('later');
  });

  it('locks and unlocks, with or without a path', () => {
    const target = agent();
    applyChange(
      target,
      parsePatch({
        Operations: [{ op: 'Replace', value: { 'urn:scim:wso2:schema': { accountLocked: true } } }],
      }),
      'now',
    );
    expect(target.accountLocked).toBe(true);
    applyChange(
      target,
      parsePatch({
        Operations: [{ op: 'replace', path: 'urn:scim:wso2:schema:accountLocked', value: 'false' }],
      }),
      'now',
    );
    expect(target.accountLocked).toBe(false);
    expect(target.failedLogins).toBe(0);
  });

  it('updates and removes agent-schema attributes', () => {
    const target = agent();
    applyChange(
      target,
      parsePatch({
        Operations: [
          { op: 'replace', path: 'urn:scim:wso2:agent:schema.DisplayName', value: 'Helper' },
          { op: 'add', value: { 'urn:scim:wso2:agent:schema': { Url: 'https://x.example' } } },
          { op: 'remove', path: 'urn:scim:wso2:agent:schema:AgentType' },
        ],
      }),
      'now',
    );
    expect(target.displayName).toBe('Helper');
    expect(target.extension).toEqual({ Url: 'https://x.example' });
  });

  it.each([
    [{ Operations: [] }, 'invalidValue'],
    [{ Operations: [{ op: 'move', value: {} }] }, 'invalidValue'],
    [{ Operations: [{ op: 'replace', value: { userName: 'other' } }] }, 'mutability'],
    [{ Operations: [{ op: 'replace', value: { password: '' } }] }, 'invalidValue'],
    [{ Operations: [{ op: 'replace', path: 'emails', value: 'x' }] }, 'invalidPath'],
    [{ Operations: [{ op: 'remove' }] }, 'noTarget'],
    [{ Operations: [{ op: 'remove', path: 'password' }] }, 'mutability'],
    [{ Operations: [{ op: 'replace', value: 'not an object' }] }, 'invalidValue'],
  ])('rejects %j with scimType %s', (body, type) => {
    expect(scimType(() => parsePatch(body))).toBe(type);
  });

  it('replaces with PUT but keeps the user name', () => {
    const target = agent();
    const change = parsePut(
      {
        userName: 'AGENT/a1',
        password: 'p2',
        'urn:scim:wso2:agent:schema': { Description: 'New' },
      },
      target,
    );
    applyChange(target, change, 'now');
    expect(target).toMatchObject({
      password: 'p2',
      description: 'New',
      displayName: 'Support Assistant',
    });
    expect(scimType(() => parsePut({ userName: 'AGENT/b2' }, target))).toBe('mutability');
  });
});
