/**
 * Days declared equal to a public holiday by royal decree (Algemene termijnenwet art. 3 lid 3), as data.
 * A new decree (published in the Staatscourant, usually every three years) is one line here; cases that
 * are already open pick it up when the deadlines are recomputed with the new calendar.
 */
export const decreeDayData: readonly { readonly date: string; readonly name: string }[] = [
  { date: '2025-05-30', name: 'Vrijdag na Hemelvaartsdag' },
  { date: '2026-01-02', name: 'Vrijdag na Nieuwjaarsdag' },
  { date: '2026-05-15', name: 'Vrijdag na Hemelvaartsdag' },
  { date: '2027-05-07', name: 'Vrijdag na Hemelvaartsdag' },
  { date: '2028-04-28', name: 'Vrijdag na Koningsdag' },
  { date: '2028-05-26', name: 'Vrijdag na Hemelvaartsdag' },
];
