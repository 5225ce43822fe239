/**
 * The learner's command that checks an exercise on their machine
 * (scripts/exercise.ts). Shared so the panel the build writes and the note
 * the panel's script adds on Edit name the same command.
 */
export const exerciseCommand = (id: string) => `npm run exercise ${id}`;
