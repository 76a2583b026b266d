import * as z from 'zod';
import { Id } from './common';
import { RoleName } from './users';

export const FieldValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const FieldDef = z
  .object({
    id: Id,
    label: z.string().trim().min(1).max(200),
    kind: z.enum(['text', 'number', 'boolean', 'choice']),
    required: z.boolean(),
    /** A per-unit value (serial number, measurement) never propagates: each run fills its own. */
    perUnit: z.boolean(),
    unit: z.string().max(20).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    message: 'min must not exceed max',
    path: ['min'],
  })
  .refine((f) => f.kind !== 'choice' || (f.options?.length ?? 0) > 0, {
    message: 'a choice field needs options',
    path: ['options'],
  });
export type FieldDef = z.infer<typeof FieldDef>;

export const Tracking = z.enum(['serial', 'lot', 'none']);
export type Tracking = z.infer<typeof Tracking>;

export const BuildRequirement = z.object({
  id: Id,
  partNumber: z.string().trim().min(1).max(80),
  description: z.string().max(200).optional(),
  quantity: z.number().int().positive().max(100_000),
  tracking: Tracking,
  /** Set on copies made by "Apply to N runs in batch": the requirement they were copied from. */
  copiedFrom: Id.optional(),
});
export type BuildRequirement = z.infer<typeof BuildRequirement>;

export const ProcedureStep = z.object({
  /** Stable across procedure versions: what makes steps of different runs siblings. */
  originStepId: Id,
  /** Dot-numbered position: "1", "1.1", "2". */
  number: z.string().min(1).max(20),
  parentOriginStepId: Id.nullable(),
  title: z.string().trim().min(1).max(200),
  instructions: z.string().max(20_000),
  fields: z.array(FieldDef).max(100),
  /** Origin ids of upstream steps that must be done before this one is available. */
  dependsOn: z.array(Id).max(100),
  buildRequirements: z.array(BuildRequirement).max(100),
  signoffRole: RoleName,
});
export type ProcedureStep = z.infer<typeof ProcedureStep>;

export const ProcedureVersion = z.object({
  id: Id,
  procedureId: Id,
  name: z.string().trim().min(1).max(200),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'released']),
  /** In procedure order; a parent precedes its children. */
  steps: z.array(ProcedureStep).min(1).max(2000),
}).superRefine((procedure, ctx) => {
  const seen = new Set<string>();
  procedure.steps.forEach((step, index) => {
    const ref = (id: string, what: string, path: (string | number)[]) => {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `${what} "${id}" must be an earlier step`, path });
    };
    if (step.parentOriginStepId !== null) ref(step.parentOriginStepId, 'parent', ['steps', index, 'parentOriginStepId']);
    step.dependsOn.forEach((dep, d) => { ref(dep, 'dependency', ['steps', index, 'dependsOn', d]); });
    if (seen.has(step.originStepId)) {
      ctx.addIssue({ code: 'custom', message: `step "${step.originStepId}" appears twice`, path: ['steps', index, 'originStepId'] });
    }
    seen.add(step.originStepId);
  });
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;
