/**
 * How the verification levels of entries are shown: the label, the short explanation a link's
 * tooltip gives, the explanation of `/about/`, and the class that colours it. Every place that
 * shows a level (the entry's fact box, the timeline cards, the about page) reads it from here.
 */
import { verificationSchema, type Verification } from '../../schemas/entry.ts';

/** How one verification level is shown. */
export interface VerificationInfo {
  id: Verification;
  /** The word shown on the entry and its card. */
  label: string;
  /** A few words for a tooltip, in lower case, to follow the label. */
  help: string;
  /** The explanation on the about page. */
  description: string;
  /** Whether the timeline's cards flag the level: every level but `confirmed`, the expected one. */
  flagged: boolean;
  /** The class names that style the level (`.verification.<id>` in the components' styles). */
  className: string;
}

const INFO: Record<Verification, Omit<VerificationInfo, 'id' | 'className' | 'flagged'>> = {
  confirmed: {
    label: 'Confirmed',
    help: 'established by a primary source or by independent credible reports',
    description:
      'The event is established by a primary source (the law, letter, statement or official record itself) or by at least two independent, credible reports.',
  },
  reported: {
    label: 'Reported',
    help: 'rests on press reports; not officially confirmed',
    description:
      'The event rests on press reports, often citing people or documents the public cannot see, and the body concerned has not confirmed it. The entry says in words who reported it.',
  },
  disputed: {
    label: 'Disputed',
    help: 'credible sources disagree',
    description: 'Credible sources disagree on whether or how the event happened. The entry sets out each account and who gives it.',
  },
};

/** Every verification level in display order (the schema's), from best established to least. */
export const VERIFICATIONS: readonly VerificationInfo[] = verificationSchema.options.map((id) => ({
  id,
  ...INFO[id],
  flagged: id !== 'confirmed',
  className: `verification ${id}`,
}));

/**
 * The display information of one verification level.
 * @example verificationInfo('reported').label // 'Reported'
 */
export function verificationInfo(id: Verification): VerificationInfo {
  const info = VERIFICATIONS.find((v) => v.id === id);
  if (!info) throw new Error(`unknown verification level: ${id}`);
  return info;
}
