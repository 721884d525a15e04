import type {Step} from '../../engine/interview.js';
import {OptionList} from './OptionList.js';

export interface ChoiceQuestionProps {
  step: Step;
  cursor: number;
}

/** Pick one of the bank's choices: arrows and enter, or its number. */
export function ChoiceQuestion({step, cursor}: ChoiceQuestionProps) {
  const items = (step.options ?? []).map((o, i) => ({key: String(i + 1), label: o.label}));
  return <OptionList items={items} cursor={cursor} />;
}
