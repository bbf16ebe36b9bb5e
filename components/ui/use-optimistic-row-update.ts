"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

type ActionAnswer<T> = { ok: true; data: T } | { ok: false; message: string };

/** Calls a server action with plain fields, as its form would; a refusal becomes an error carrying the action's message. */
export async function callFormAction<T>(action: (previous: null, form: FormData) => Promise<ActionAnswer<T>>, fields: Record<string, string | number>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  const result = await action(null, form);
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

/**
 * A change to one row of a cached list, shown at once; if the server refuses, the list goes
 * back to what it was and the refusal is the mutation's error. Afterwards the list (and any
 * `alsoRefresh` lists) are fetched again.
 */
export function useOptimisticRowUpdate<Row extends { id: number }, Change extends { id: number }>(options: {
  queryKey: QueryKey;
  send: (change: Change) => Promise<unknown>;
  apply: (row: Row, change: Change) => Row;
  alsoRefresh?: QueryKey[];
}) {
  const client = useQueryClient();
  const { queryKey } = options;
  return useMutation({
    mutationFn: options.send,
    onMutate: async (change: Change) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<Row[]>(queryKey);
      client.setQueryData<Row[]>(queryKey, (rows) => rows?.map((row) => (row.id === change.id ? options.apply(row, change) : row)));
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
    },
    onSettled: () => {
      for (const key of [queryKey, ...(options.alsoRefresh ?? [])]) void client.invalidateQueries({ queryKey: key });
    },
  });
}
