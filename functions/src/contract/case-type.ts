import { z } from 'zod';
import { isDuration, isPositiveDuration, parseIsoDuration } from '../domain/calendar/duration';
import { ConfidentialitySchema } from './case-summary';

/*
 * A case type (zaaktype) as administrators write it: the one schema behind the API, the YAML/JSON files
 * and the tab. Structural rules live here; rules that look across the definition (unknown fields, FEEL,
 * duplicate keys, the final phase) live in domain/case-types/validate-definition.ts. Custom issues carry
 * a stable code in `params.code`, which the validator reports as the code.
 */

const custom = (code: string, message: string) => ({ message, params: { code } });
/** A string matching `pattern`; a refinement (not `.regex`) because only refinements carry `params.code`. */
const matching = (pattern: RegExp, code: string, message: string) =>
  z
    .string()
    .refine((text) => pattern.test(text), custom(code, message))
    .meta({ pattern: pattern.source });

/** A key as it appears in URLs and files: lower-case start, letters and digits, `-` or `_` between. */
export const KeySchema = matching(
  /^[a-z][a-zA-Z0-9]{0,63}(?:[-_][a-zA-Z0-9]{1,63}){0,8}$/,
  'key.invalid',
  'Use letters, digits, - or _',
);

/** A field key is also a FEEL name in rules, so no `-` (FEEL would read it as a minus). */
export const FieldKeySchema = matching(
  /^[a-z][a-zA-Z0-9_]{0,63}$/,
  'field.key-invalid',
  'Use letters, digits or _ (a FEEL name)',
);

/** A positive ISO 8601 duration, e.g. `P8W` (8 weeks), `P5Y`, `P1Y6M`. */
export const IsoDurationSchema = z
  .string()
  .refine((text) => parseIsoDuration(text) !== null, custom('duration.invalid', 'Not an ISO 8601 duration, e.g. P8W'))
  .refine(
    (text) => {
      const parsed = parseIsoDuration(text);
      return parsed === null || isPositiveDuration(parsed);
    },
    custom('duration.not-positive', 'A period must be longer than zero'),
  )
  .meta({ id: 'IsoDuration', example: 'P8W' });

/**
 * A positive duration in calendar units only (years, months, weeks, days): legal terms, extensions,
 * terms given to the applicant and retention periods count dates, so `PT48H` is refused here (service
 * norms and task due periods may use hours; they round up to whole days).
 */
export const CalendarDurationSchema = IsoDurationSchema.refine(
  (text) => parseIsoDuration(text) === null || isDuration(text),
  custom('duration.calendar-units-only', 'Use years, months, weeks or days (e.g. P8W), no hours'),
).meta({ id: 'CalendarDuration', example: 'P8W' });

/** A FEEL expression (DMN), checked against the case type's fields when a draft is saved. */
export const FeelExpressionSchema = z.string().min(1).max(2000).meta({ description: 'FEEL (DMN) expression' });

const EntraGroupIdSchema = matching(
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  'guid.invalid',
  'An Entra group id (GUID)',
);
const localDate = z.iso.date();

/** Where a fragment's items come from, kept on each item of a published version (the pin). */
export const FragmentOriginSchema = z.object({ key: KeySchema, version: z.number().int().min(1) });

/** In a draft: "insert the items of fragment `key` at version `version` here". */
export const FragmentRefSchema = z.object({ fragment: KeySchema, version: z.number().int().min(1) }).strict();

export const ChecklistItemSchema = z.object({
  key: KeySchema,
  label: z.string().min(1),
  required: z.boolean().default(false),
  fromFragment: FragmentOriginSchema.optional(),
});

export const fieldTypes = [
  'text',
  'longText',
  'number',
  'money',
  'date',
  'boolean',
  'choice',
  'multiChoice',
  'person',
  'address',
  'email',
  'phone',
] as const;
export const FieldTypeSchema = z.enum(fieldTypes);

export const FieldOptionSchema = z.object({ key: KeySchema, label: z.string().min(1) });

export const FieldSchema = z.object({
  key: FieldKeySchema,
  label: z.string().min(1),
  type: FieldTypeSchema,
  required: z.boolean().default(false),
  description: z.string().optional(),
  options: z.array(FieldOptionSchema).optional(),
  /** Must hold (be `true`) whenever the field has a value, e.g. `bouwkosten >= 0`. */
  rule: FeelExpressionSchema.optional(),
  /** The phase the field belongs to; a required field must have a value before the case leaves it. */
  phase: KeySchema.optional(),
  fromFragment: FragmentOriginSchema.optional(),
});

export const taskKinds = ['consultation', 'approval', 'todo', 'informationRequest'] as const;

export const TaskTemplateSchema = z.object({
  key: KeySchema,
  kind: z.enum(taskKinds),
  title: z.string().min(1),
  assigneeGroup: EntraGroupIdSchema.optional(),
  duePeriod: IsoDurationSchema.optional(),
});

export const PhaseSchema = z.object({
  key: KeySchema,
  name: z.string().min(1),
  checklist: z.array(z.union([FragmentRefSchema, ChecklistItemSchema])).default([]),
  /** Fields that must have a value before the case may enter this phase. */
  requiredFields: z.array(z.string()).default([]),
  /** FEEL; the case may enter this phase only when it is `true`. */
  entryRule: FeelExpressionSchema.optional(),
  final: z.boolean().default(false),
  tasks: z.array(TaskTemplateSchema).default([]),
});

export const caseTypeRoleKinds = ['applicant', 'handler', 'advisor', 'decisionMaker', 'coordinator', 'interestedParty'] as const;

export const RoleSchema = z.object({
  key: KeySchema,
  kind: z.enum(caseTypeRoleKinds),
  name: z.string().min(1),
  /** A party outside the organisation (e.g. a contractor), never given access through Entra groups. */
  external: z.boolean().default(false),
});

export const archiveTriggers = ['closed', 'field', 'decision', 'related', 'parent', 'manual'] as const;

/**
 * Archive action (archiefnominatie) per outcome, DUTCH-RULES.md §2. `retain` without a period means
 * kept permanently (blijvend bewaren); with a period, the period is the transfer term to the archive.
 */
export const ArchiveSchema = z.object({
  action: z.enum(['retain', 'destroy']),
  period: CalendarDurationSchema.optional(),
  trigger: z.enum(archiveTriggers),
  /** The date field the period counts from, for trigger `field`. */
  field: z.string().optional(),
});

export const OutcomeSchema = z.object({
  key: KeySchema,
  name: z.string().min(1),
  archive: ArchiveSchema,
  /** Entry of the Selectielijst gemeenten (e.g. `11.2`). */
  selectionList: matching(/^\d+(?:\.\d+)*$/, 'selection-list.invalid', 'A selection-list entry such as 11.2').optional(),
  /** Ask the applicant for a satisfaction survey when a case closes with this outcome. */
  satisfactionSurvey: z.boolean().default(false),
  fromFragment: FragmentOriginSchema.optional(),
});

export const DocumentTypeSchema = z.object({
  key: KeySchema,
  name: z.string().min(1),
  confidentiality: ConfidentialitySchema,
  template: z.string().min(1).optional(),
  /** Media types accepted for this document type; absent: the default allow-list (domain/documents). */
  mediaTypes: z
    .array(z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/, 'must be a media type such as application/pdf'))
    .min(1)
    .optional(),
  /** Files of this type are checked out before a new version is uploaded, and checked in after. */
  requiresCheckout: z.boolean().optional(),
});

export const RuleActionSchema = z.union([
  z.object({ requireApproval: KeySchema }).strict(),
  z.object({ require: z.string() }).strict(),
  z.object({ default: z.object({ field: z.string(), value: FeelExpressionSchema }) }).strict(),
]);

/** A business rule: when the FEEL condition holds for the case's fields, the action applies. */
export const BusinessRuleSchema = z.object({
  key: KeySchema,
  description: z.string().optional(),
  when: FeelExpressionSchema,
  then: RuleActionSchema,
});

export const accessRoles = ['handler', 'reader', 'coordinator', 'decisionMaker'] as const;

export const AccessGrantSchema = z.object({
  group: EntraGroupIdSchema,
  role: z.enum(accessRoles),
  /** Inclusive: cases above this level are invisible to the group (DUTCH-RULES.md §4). */
  maxConfidentiality: ConfidentialitySchema,
});

export const IntakeFormSchema = z.object({
  title: z.string().min(1),
  introduction: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), label: z.string().optional(), help: z.string().optional() })).min(1),
});

const toggle = z.object({ allowed: z.boolean(), max: CalendarDurationSchema.optional() });

/** What an administrator writes: a draft, a file, or the content of a version. */
export const CaseTypeDefinitionSchema = z
  .object({
    key: KeySchema,
    name: z.string().min(1).max(200),
    description: z.string().default(''),
    validFrom: localDate.optional(),
    validTo: localDate.optional(),
    confidentiality: ConfidentialitySchema,
    /** Beslistermijn (Awb); absent where no statutory term applies. */
    legalTerm: CalendarDurationSchema.optional(),
    serviceNorm: IsoDurationSchema.optional(),
    suspension: toggle.default({ allowed: false }),
    extension: toggle.default({ allowed: false }),
    lexSilencio: z.boolean().default(false),
    dwangsom: z.boolean().default(false),
    signals: z.object({ atRiskWorkingDays: z.number().int().min(0).max(100) }).default({ atRiskWorkingDays: 5 }),
    phases: z.array(PhaseSchema).min(1),
    fields: z.array(z.union([FragmentRefSchema, FieldSchema])).default([]),
    roles: z.array(RoleSchema).default([]),
    outcomes: z.array(z.union([FragmentRefSchema, OutcomeSchema])).min(1),
    documentTypes: z.array(DocumentTypeSchema).default([]),
    rules: z.array(BusinessRuleSchema).default([]),
    access: z.array(AccessGrantSchema).default([]),
    intakeForm: IntakeFormSchema.optional(),
    /** Sharing documents with partners: the highest confidentiality that may be shared (default `intern`). */
    sharing: z.object({ maxConfidentiality: ConfidentialitySchema }).optional(),
  })
  .meta({ id: 'CaseTypeDefinition' });

export const caseTypeStatuses = ['draft', 'published', 'retired'] as const;

/** A stored case type: a draft, or an immutable published (later retired) version. */
export const CaseTypeSchema = CaseTypeDefinitionSchema.extend({
  version: z.number().int().min(1),
  status: z.enum(caseTypeStatuses),
  publishedAt: z.iso.datetime().optional(),
  retiredAt: z.iso.datetime().optional(),
}).meta({ id: 'CaseType' });

const fragmentBase = { key: KeySchema, version: z.number().int().min(1), name: z.string().min(1) };

/** Reusable parts, versioned; a case type pins the version it uses. */
export const FragmentSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...fragmentBase, kind: z.literal('fields'), items: z.array(FieldSchema).min(1) }),
    z.object({ ...fragmentBase, kind: z.literal('checklist'), items: z.array(ChecklistItemSchema).min(1) }),
    z.object({ ...fragmentBase, kind: z.literal('outcomes'), items: z.array(OutcomeSchema).min(1) }),
  ])
  .meta({ id: 'CaseTypeFragment' });

export type FieldType = z.infer<typeof FieldTypeSchema>;
export type FragmentRef = z.infer<typeof FragmentRefSchema>;
export type FragmentOrigin = z.infer<typeof FragmentOriginSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type TaskTemplate = z.infer<typeof TaskTemplateSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type CaseTypeRole = z.infer<typeof RoleSchema>;
export type Archive = z.infer<typeof ArchiveSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
export type RuleAction = z.infer<typeof RuleActionSchema>;
export type BusinessRule = z.infer<typeof BusinessRuleSchema>;
export type AccessGrant = z.infer<typeof AccessGrantSchema>;
export type IntakeForm = z.infer<typeof IntakeFormSchema>;
export type CaseTypeDefinition = z.infer<typeof CaseTypeDefinitionSchema>;
/** What may be written (defaults still to apply), e.g. a YAML file. */
export type CaseTypeDefinitionInput = z.input<typeof CaseTypeDefinitionSchema>;
export type CaseType = z.infer<typeof CaseTypeSchema>;
export type CaseTypeStatus = CaseType['status'];
export type Fragment = z.infer<typeof FragmentSchema>;
