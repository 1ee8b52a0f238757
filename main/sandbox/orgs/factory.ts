/** Builds organization records the way the server stores them. */
import type { Org, OrgStatus } from '../model';
import { formatTimestamp } from './timestamps';

export interface OrgSeed {
  id: string;
  name: string;
  orgHandle: string;
  parentId: string | null;
  createdMicros: number;
  description?: string;
  status?: OrgStatus;
  type?: Org['type'];
  attributes?: { key: string; value: string }[];
}

export function buildOrg(seed: OrgSeed): Org {
  const created = formatTimestamp(seed.createdMicros);
  return {
    id: seed.id,
    name: seed.name,
    orgHandle: seed.orgHandle,
    description: seed.description ?? '',
    status: seed.status ?? 'ACTIVE',
    type: seed.type ?? 'TENANT',
    parentId: seed.parentId,
    created,
    createdMicros: seed.createdMicros,
    lastModified: created,
    attributes: seed.attributes ?? [],
  };
}
