import type { IAdaptiveCard, IContainer, IOpenUrlAction } from '@microsoft/teams.cards';
import { card, english, escapeMarkdown, heading, paragraph, refreshAction } from './elements';

/** One case line on the card: what the work queue gives (CaseSummary), narrowed to what is shown. */
export interface GreetingCaseLine {
  number: string;
  title: string;
  /** Final deadline, YYYY-MM-DD (Europe/Amsterdam), or null when the case has none (yet). */
  deadline: string | null;
}

export interface GreetingCardData {
  user: { name: string };
  cases: {
    /** The first few cases of the queue, earliest deadline first, as the API orders them. */
    shown: GreetingCaseLine[];
    total: number;
    /** True when counting stopped at `total` while the queue holds more: "meer dan `total`". */
    totalIsLowerBound: boolean;
  };
  links: { myWork: string };
  /** Today in Europe/Amsterdam (YYYY-MM-DD): deadlines before it are shown as overdue. */
  today: string;
  /** When the data was read, shown as "Bijgewerkt" so a refresh is visible. */
  updatedAt: Date;
}

/** The bot's greeting: who you are to Zaakwerk, how many cases you have and the first few. Pure. */
export function greetingCard(data: GreetingCardData): IAdaptiveCard {
  const name = escapeMarkdown(data.user.name);
  const { shown, total, totalIsLowerBound } = data.cases;
  const rest = total - shown.length;
  const body: IAdaptiveCard['body'] = [
    heading(`Hallo ${name}`),
    english(`Hello ${name}`),
    paragraph(caseCountNl(total, totalIsLowerBound)),
    english(caseCountEn(total, totalIsLowerBound)),
    ...shown.map((line) => caseLine(line, data.today)),
  ];
  if (rest > 0) {
    const nl = totalIsLowerBound ? `meer dan ${rest} zaken` : `${rest} ${rest === 1 ? 'zaak' : 'zaken'}`;
    const en = totalIsLowerBound ? `more than ${rest}` : String(rest);
    body.push(paragraph(`En nog ${nl} in Mijn werk.`, { spacing: 'Medium' }));
    body.push(english(`And ${en} more in My work.`));
  }
  body.push(paragraph(`Bijgewerkt / updated: ${formatUpdatedAt(data.updatedAt)}`, { isSubtle: true, size: 'Small' }));
  const openMyWork: IOpenUrlAction = { type: 'Action.OpenUrl', title: 'Mijn werk openen', url: data.links.myWork };
  return card(`Hallo ${data.user.name}: ${caseCountNl(total, totalIsLowerBound)}`, body, [openMyWork, refreshAction()]);
}

function caseLine(line: GreetingCaseLine, today: string): IContainer {
  const overdue = line.deadline !== null && line.deadline < today;
  const deadline =
    line.deadline === null
      ? 'Geen uiterste datum / no deadline'
      : `Uiterste datum / deadline: ${formatDate(line.deadline)}${overdue ? ' (verlopen / overdue)' : ''}`;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      paragraph(`${escapeMarkdown(line.number)} · ${escapeMarkdown(line.title)}`, { weight: 'Bolder' }),
      paragraph(deadline, { spacing: 'None', isSubtle: !overdue, ...(overdue ? { color: 'Attention' } : {}) }),
    ],
  };
}

function caseCountNl(total: number, lowerBound: boolean): string {
  if (total === 0) return 'U heeft geen zaken in behandeling.';
  const count = lowerBound ? `meer dan ${total}` : String(total);
  return `U heeft ${count} ${total === 1 && !lowerBound ? 'zaak' : 'zaken'} in behandeling.`;
}

function caseCountEn(total: number, lowerBound: boolean): string {
  if (total === 0) return 'You have no cases assigned to you.';
  const count = lowerBound ? `more than ${total}` : String(total);
  return `You have ${count} ${total === 1 && !lowerBound ? 'case' : 'cases'} assigned to you.`;
}

/** 2025-04-28 → 28-04-2025, the Dutch numeric date. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

const updatedAtFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function formatUpdatedAt(at: Date): string {
  return updatedAtFormat.format(at);
}
