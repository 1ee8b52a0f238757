/**
 * Evaluates parsed filter conditions against organizations. Text comparisons are exact and
 * case-sensitive, as on WSO2's default H2 database (case-insensitive collations of other
 * databases are not emulated).
 */
import type { Org } from '../model';
import type { OrgCondition, OrgFilterOperator } from './filter';
import { parseTimestamp, type PreciseInstant } from './timestamps';

export type OrgPredicate = (org: Org) => boolean;

function textOf(org: Org, attribute: string): string | undefined {
  switch (attribute) {
    case 'id':
      return org.id;
    case 'name':
      return org.name;
    case 'orgHandle':
      return org.orgHandle;
    case 'description':
      return org.description;
    case 'status':
      return org.status;
    case 'parentId':
      return org.parentId ?? undefined;
    default:
      return org.attributes.find((a) => `attributes.${a.key}` === attribute)?.value;
  }
}

function compareInstant(micros: number, extraNanos: number, target: PreciseInstant): number {
  if (micros !== target.micros) return micros < target.micros ? -1 : 1;
  return Math.sign(extraNanos - target.extraNanos);
}

const ORDER_TESTS: Partial<Record<OrgFilterOperator, (order: number) => boolean>> = {
  eq: (order) => order === 0,
  gt: (order) => order > 0,
  ge: (order) => order >= 0,
  lt: (order) => order < 0,
  le: (order) => order <= 0,
};

const TEXT_TESTS: Partial<Record<OrgFilterOperator, (actual: string, value: string) => boolean>> = {
  eq: (actual, value) => actual === value,
  co: (actual, value) => actual.includes(value),
  sw: (actual, value) => actual.startsWith(value),
  ew: (actual, value) => actual.endsWith(value),
};

function timeCondition(condition: OrgCondition): OrgPredicate {
  const target = parseTimestamp(condition.value)!;
  const test = ORDER_TESTS[condition.operator] ?? (() => false);
  const instantOf = (org: Org): PreciseInstant =>
    condition.attribute === 'created'
      ? { micros: org.createdMicros, extraNanos: 0 }
      : (parseTimestamp(org.lastModified) ?? { micros: org.createdMicros, extraNanos: 0 });
  return (org) => {
    const at = instantOf(org);
    return test(compareInstant(at.micros, at.extraNanos, target));
  };
}

function textCondition(condition: OrgCondition): OrgPredicate {
  const { attribute, value } = condition;
  const test = TEXT_TESTS[condition.operator] ?? (() => false);
  return (org) => {
    const actual = textOf(org, attribute);
    return actual !== undefined && test(actual, value);
  };
}

/** One predicate for all conditions (they are `and`-ed). */
export function compileConditions(conditions: readonly OrgCondition[]): OrgPredicate {
  const predicates = conditions.map((c) =>
    c.attribute === 'created' || c.attribute === 'lastModified'
      ? timeCondition(c)
      : textCondition(c),
  );
  return (org) => predicates.every((p) => p(org));
}
