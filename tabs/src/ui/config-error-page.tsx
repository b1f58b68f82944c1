import { makeStyles, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import type { ConfigProblem } from '../shared/config/runtime-config';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '60em',
  },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * Shown when config.json is missing or invalid. Always in Dutch and English: the language choice may
 * depend on a host we have not reached, and an administrator reading this may use either.
 */
export function ConfigErrorPage({ message, problems }: { message: string; problems: ConfigProblem[] }) {
  const styles = useStyles();
  const problemList =
    problems.length > 0 ? (
      <ul>
        {problems.map((problem) => (
          <li key={problem.field}>
            <span className={styles.code}>{problem.field}</span> {problem.message}
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <main className={styles.main}>
      <section lang="nl" className={styles.section} aria-labelledby="config-error-nl">
        <Title2 as="h1" id="config-error-nl">
          Zaakwerk kan niet starten
        </Title2>
        <Text block>
          De configuratie (<span className={styles.code}>config.json</span> naast index.html) ontbreekt of is ongeldig. Vraag de
          beheerder de instellingen van de tab te controleren.
        </Text>
      </section>
      <section lang="en" className={styles.section} aria-labelledby="config-error-en">
        <Title3 as="h2" id="config-error-en">
          Zaakwerk cannot start
        </Title3>
        <Text block>
          The configuration (<span className={styles.code}>config.json</span> next to index.html) is missing or invalid. Ask your
          administrator to check the tab&apos;s settings.
        </Text>
      </section>
      <section lang="en" className={styles.section} aria-label="Details">
        <Text block className={styles.code}>
          {message}
        </Text>
        {problemList}
      </section>
    </main>
  );
}
