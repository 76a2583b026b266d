import type { BuildRequirement, FieldDef, ProcedureStep, ProcedureVersion, Tracking } from '../../shared/schemas/procedure';
import type { RoleName } from '../../shared/schemas/users';

/** A compact way to write a demo procedure: sections with child steps, numbered 1, 1.1, 1.2, 2, ... */
export interface StepSpec {
  title: string;
  instructions?: string;
  role?: RoleName;
  fields?: FieldDef[];
  parts?: [partNumber: string, quantity: number, tracking: Tracking][];
  steps?: StepSpec[];
}

export const num = (id: string, label: string, unit: string, min: number, max: number, perUnit = false): FieldDef => ({
  id,
  label,
  kind: 'number',
  required: true,
  perUnit,
  unit,
  min,
  max,
});
export const serial = (id: string, label: string): FieldDef => ({ id, label, kind: 'text', required: true, perUnit: true });
export const check = (id: string, label: string): FieldDef => ({ id, label, kind: 'boolean', required: true, perUnit: false });
export const note = (id: string, label: string): FieldDef => ({ id, label, kind: 'text', required: false, perUnit: false });
export const choice = (id: string, label: string, options: string[]): FieldDef => ({
  id,
  label,
  kind: 'choice',
  required: true,
  perUnit: false,
  options,
});

/**
 * Builds a released procedure version. Each top-level section depends on the one before it;
 * child steps sit under their section (available once it is started).
 */
export function procedure(id: string, name: string, version: number, sections: StepSpec[]): ProcedureVersion {
  const steps: ProcedureStep[] = [];
  let previous: string | null = null;
  const add = (spec: StepSpec, number: string, parent: string | null, dependsOn: string[]) => {
    // Stable across versions: the procedure and the step's number, never its (revisable) title.
    const originStepId = `${id}:${number}`;
    const requirements: BuildRequirement[] = (spec.parts ?? []).map(([partNumber, quantity, tracking], i) => ({
      id: `${originStepId}:part${String(i + 1)}`,
      partNumber,
      quantity,
      tracking,
    }));
    steps.push({
      originStepId,
      number,
      parentOriginStepId: parent,
      title: spec.title,
      instructions: spec.instructions ?? `${spec.title}. Follow the work instruction and record the values asked for.`,
      fields: spec.fields ?? [],
      dependsOn,
      buildRequirements: requirements,
      signoffRole: spec.role ?? 'technician',
    });
    return originStepId;
  };
  sections.forEach((section, s) => {
    const sectionId = add(section, String(s + 1), null, previous ? [previous] : []);
    (section.steps ?? []).forEach((child, c) => add(child, `${String(s + 1)}.${String(c + 1)}`, sectionId, []));
    previous = sectionId;
  });
  return { id: `${id}@${String(version)}`, procedureId: id, name, version, status: 'released', steps };
}
