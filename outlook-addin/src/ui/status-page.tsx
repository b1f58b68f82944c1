import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';

/** What the pane shows before it can run: loading, or a configuration error with every problem listed. */
export function LoadingPage({ label }: { label: string }) {
  return (
    <main style={{ padding: 16 }}>
      <Spinner label={label} />
    </main>
  );
}

export function ConfigErrorPage({ title, body, problems }: { title: string; body: string; problems: string[] }) {
  return (
    <main style={{ padding: 16 }}>
      <h1 style={{ fontSize: 20 }}>{title}</h1>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{body}</MessageBarTitle>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
