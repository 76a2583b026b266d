import type { BuildRequirement, FieldDef, ProcedureStep, ProcedureVersion, Tracking } from '../../../shared/schemas/procedure';
import type { RoleName } from '../../../shared/schemas/users';

/** A step as the demo writes it; numbers, ids, parents and dependencies are derived. */
export interface StepSpec {
  id: string;
  title: string;
  instructions?: string;
  fields?: FieldDef[];
  parts?: BuildRequirement[];
  role?: RoleName;
  steps?: StepSpec[];
}

export const num = (id: string, label: string, unit: string, min: number | undefined, max: number | undefined, perUnit: boolean): FieldDef => ({
  id,
  label,
  kind: 'number',
  required: true,
  perUnit,
  unit,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
export const yes = (id: string, label: string, perUnit: boolean): FieldDef => ({ id, label, kind: 'boolean', required: true, perUnit });
export const text = (id: string, label: string, perUnit: boolean, required = true): FieldDef => ({ id, label, kind: 'text', required, perUnit });
export const pick = (id: string, label: string, options: string[], perUnit: boolean): FieldDef => ({
  id,
  label,
  kind: 'choice',
  required: true,
  perUnit,
  options,
});
export const part = (id: string, partNumber: string, description: string, quantity: number, tracking: Tracking): BuildRequirement => ({
  id,
  partNumber,
  description,
  quantity,
  tracking,
});

/**
 * Flattens sections into procedure steps: each top-level step depends on the one before it, and
 * inside a section each child depends on the child before it, the way a traveler is worked.
 */
export function procedure(head: Pick<ProcedureVersion, 'id' | 'procedureId' | 'name' | 'version'>, sections: StepSpec[]): ProcedureVersion {
  const steps: ProcedureStep[] = [];
  let previousTop: string | null = null;
  sections.forEach((section, i) => {
    const number = String(i + 1);
    steps.push(toStep(section, number, null, previousTop));
    let previousChild: string | null = null;
    (section.steps ?? []).forEach((child, j) => {
      steps.push(toStep(child, `${number}.${String(j + 1)}`, section.id, previousChild));
      previousChild = child.id;
    });
    previousTop = section.id;
  });
  return { ...head, status: 'released', steps };
}

function toStep(spec: StepSpec, number: string, parent: string | null, after: string | null): ProcedureStep {
  return {
    originStepId: spec.id,
    number,
    parentOriginStepId: parent,
    title: spec.title,
    instructions: spec.instructions ?? '',
    fields: spec.fields ?? [],
    dependsOn: after === null ? [] : [after],
    buildRequirements: spec.parts ?? [],
    signoffRole: spec.role ?? 'technician',
  };
}
