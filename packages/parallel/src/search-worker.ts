// A pool worker that evaluates hyperparameter-search candidates with the engine (see worker-pool.ts).
import type { SearchProblem } from '@mixwise/engine';
import { createCandidateEvaluator } from '@mixwise/engine';
import { serveEvaluator } from './serve-evaluator.ts';

serveEvaluator<SearchProblem>((problem) => createCandidateEvaluator(problem));
