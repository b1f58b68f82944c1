import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { CaseSummary } from '../api';
import { useI18n } from '../i18n';
import { DeadlineCell } from './deadline-cell';

/** The work list: a native table (Fluent `Table`), so screen readers announce headers per cell. */
export function CaseTable({ items, today }: { items: CaseSummary[]; today: string }) {
  const { t } = useI18n();
  return (
    <Table aria-label={t('myWork.tableLabel')} size="medium">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('column.number')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('column.title')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('column.caseType')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('column.phase')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('column.deadline')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} data-case-number={item.number}>
            <TableCell>
              <Text weight="semibold">{item.number}</Text>
            </TableCell>
            <TableCell>{item.title}</TableCell>
            <TableCell>{item.caseType?.name ?? ''}</TableCell>
            <TableCell>{item.phase?.name ?? ''}</TableCell>
            <TableCell>
              <DeadlineCell item={item} today={today} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
