import { completeSummary, decompose, modelDiagnostics, summarizeModel, type Decomposition, type DiagnosticsResult, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { api } from '../api.ts';
import { nullOnNotFound } from '../logic/null-on-not-found.ts';

/** Everything the pages show about one run. */
export interface RunData {
  readonly runId: string;
  readonly model: MmmModel;
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  /** decompose(model), computed in the page (the chart builders take it). */
  readonly decomposition: Decomposition;
}

/**
 * Load a run's model, summary and diagnostics from the API. The model is required; summary and
 * diagnostics fall back to being computed from the model (summarizeModel / modelDiagnostics) when
 * the server does not have them (a 404; any other error is thrown, so the page reports it), and a summary.json written before `lift_tests` existed gets them
 * from the model.
 */
export async function loadRunData(runId: string): Promise<RunData> {
  const [model, summary, diagnostics] = await Promise.all([
    api.getModel(runId),
    nullOnNotFound(api.getSummary(runId)),
    nullOnNotFound(api.getDiagnostics(runId)),
  ]);
  const decomposition = decompose(model);
  return {
    runId, model, decomposition,
    summary: summary ? completeSummary(summary, model) : summarizeModel(model, decomposition),
    diagnostics: diagnostics ?? modelDiagnostics(model, decomposition),
  };
}

