import * as z from 'zod';
import { Id } from './common';

/** Roles in increasing authority: each one holds every permission of the ones before it. */
export const RoleName = z.enum(['technician', 'supervisor', 'engineer', 'admin']);
export type RoleName = z.infer<typeof RoleName>;

/** One permission per distinct mutation, named as ION names them, so a refusal can say which is missing. */
export const Permission = z.enum([
  'StartStep',
  'SignOffStep',
  'SkipStep',
  'FailStep',
  'HoldStep',
  'EnterStepFields',
  'InstallParts',
  'AddBuildRequirement',
  'ReopenStep',
  'UpdateRunBatch',
  'ViewReviewQueue',
  'ResolveReview',
  'EditRedline',
  'ManageUsers',
  'ManageStations',
]);
export type Permission = z.infer<typeof Permission>;

export const User = z.object({
  id: Id,
  /** The printed name that every signature manifests (21 CFR 11.50). */
  name: z.string().trim().min(1).max(120),
  role: RoleName,
  active: z.boolean(),
});
export type User = z.infer<typeof User>;
