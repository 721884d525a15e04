/** Names for the files the tool writes: report files and draft ids. */
import type {Answers} from '../engine/types.js';

/** Lower-case ASCII words joined by '-', safe on every file system; at most `max` characters. */
export function slug(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** handoff-assessment-<organisation>-<date>.<ext> */
export function reportFileName(answers: Answers, date: string, format: 'md' | 'html' | 'json' | 'pdf'): string {
  return `handoff-assessment-${slug(answers.context.organisation ?? '') || 'unnamed'}-${date}.${format}`;
}
