/*
 * What saving does to a record: it becomes confirmed, and keeps nothing that says otherwise.
 *
 * - sidst_bekræftet.dato becomes today (the form asks for the unit, sidst_bekræftet.af).
 * - An example (eksempel: true) stops being one: 'eksempel' goes, and so does its note in 'kilde' (text such as
 *   "Eksempel bygget på … ikke tjekket hos kommunen"), which would contradict the new state.
 * - A record taken from a public source keeps its source: 'kilde' as an object ({url, læst, sidens_dato}) stays.
 *
 * Pure (plain objects in and out), so the test runs the same function as the form.
 */
export function confirm(record, today) {
  const out = { ...record };
  const wasExample = out.eksempel === true;
  delete out.eksempel;
  if (wasExample && (typeof out.kilde === 'string' || out.kilde === null)) delete out.kilde;
  out.sidst_bekræftet = { ...(out.sidst_bekræftet || {}), dato: today };
  return out;
}
