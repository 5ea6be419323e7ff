// Names for the schemas of the generated OpenAPI types (schema.d.ts), so modules import
// `Customer` rather than `components['schemas']['Customer']`.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Customer = Schemas['Customer'];
export type CustomerPatch = Schemas['CustomerPatch'];
export type Contact = Schemas['Contact'];
export type ContactCreate = Schemas['ContactCreate'];
export type ContactPatch = Schemas['ContactPatch'];
export type User = Schemas['User'];
export type UserCreate = Schemas['UserCreate'];
export type UserPatch = Schemas['UserPatch'];
export type OrgUnit = Schemas['OrgUnit'];
export type OrgUnitCreate = Schemas['OrgUnitCreate'];
export type OrgUnitPatch = Schemas['OrgUnitPatch'];
export type AuditRecord = Schemas['AuditRecord'];
export type LoginResult = Schemas['LoginResult'];
export type Me = Schemas['Me'];
export type PasswordChange = Schemas['PasswordChange'];
export type Preferences = Schemas['Preferences'];
export type Locale = NonNullable<Preferences['locale']>;
export type TierScheme = Schemas['TierScheme'];
export type TierSchemeDefinition = Schemas['TierSchemeDefinition'];
export type TierSchemeCreate = Schemas['TierSchemeCreate'];
export type TierSchemePatch = Schemas['TierSchemePatch'];
export type TierSchemeVersion = Schemas['TierSchemeVersion'];
export type TieringRun = Schemas['TieringRun'];
export type TierMover = Schemas['TierMover'];
export type CustomerTier = Schemas['CustomerTier'];
export type TierChange = Schemas['TierChange'];
export type TierChangeKind = TierChange['kind'];
export type Nomination = Schemas['Nomination'];
export type NominationCreate = Schemas['NominationCreate'];
export type NominationResubmit = Schemas['NominationResubmit'];
export type NominationStep = Schemas['NominationStep'];
export type NominationKind = Nomination['kind'];
export type NominationStatus = Nomination['status'];
export type NominationMetrics = Nomination['metrics'];
export type StepAction = NominationStep['action'];
export type ApprovalChain = Schemas['ApprovalChain'];
export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];
export type AccountTeamMember = Schemas['AccountTeamMember'];
export type AccountTeamMemberCreate = Schemas['AccountTeamMemberCreate'];
export type TeamRole = AccountTeamMember['team_role'];
export type Concentration = Schemas['Concentration'];
export type ConcentrationMetric = Concentration['metric'];
export type Interaction = Schemas['Interaction'];
export type InteractionCreate = Schemas['InteractionCreate'];
export type InteractionPatch = Schemas['InteractionPatch'];
export type Channel = Interaction['channel'];
export type CadenceRule = Schemas['CadenceRule'];
export type CadenceRules = Schemas['CadenceRules'];
export type CadenceRulesUpdate = Schemas['CadenceRulesUpdate'];
export type CadenceBounds = Schemas['CadenceBounds'];
export type CadenceBreach = Schemas['CadenceBreach'];
export type BreachKind = CadenceBreach['kind'];
export type CustomerCadence = Schemas['CustomerCadence'];
export type MyDay = Schemas['MyDay'];
export type Birthday = MyDay['birthdays'][number];
export type Permission = Me['permissions'][number];
export type Role = User['role'];
export type Stage = Customer['stage'];

/** Every collection answers `{items, next_cursor}`; pass `next_cursor` back as `cursor`. */
export type Page<T> = { items: T[]; next_cursor: string | null };
