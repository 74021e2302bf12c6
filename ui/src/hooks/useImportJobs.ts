import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** The active profile's import jobs, newest first, with their file's name. */
export function useImportJobs() {
  return useAccountQuery(queryKeys.importJobs, () => commands.importsJobs());
}
