import { withTimeout } from './detect-host';

/** What the tab needs from a Microsoft 365 host once teams-js is initialised. */
export interface TeamsHost {
  /** Host theme: `default`, `dark`, `contrast` (or newer values such as `glass`). */
  theme: string;
  /** The user's locale in the host, e.g. `nl-nl`. */
  locale: string;
  /** UPN of the signed-in host user, a login hint for nested app auth. */
  loginHint: string | null;
  /** Registers the (single) theme change handler. */
  onThemeChange(handler: (theme: string) => void): void;
}

/**
 * Initialises teams-js within `timeoutMs` and reads the context; null when no host answers.
 * teams-js is imported lazily so the plain-browser path never loads it.
 */
export async function connectToTeamsHost(timeoutMs: number): Promise<TeamsHost | null> {
  const { app } = await import('@microsoft/teams-js');
  try {
    await withTimeout(app.initialize(), timeoutMs, 'teams-js app.initialize()');
    const context = await withTimeout(app.getContext(), timeoutMs, 'teams-js app.getContext()');
    app.notifyAppLoaded();
    void app.notifySuccess().catch((error: unknown) => console.warn('teams-js notifySuccess failed', error));
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      loginHint: context.user?.loginHint ?? null,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    };
  } catch (error) {
    console.info('Zaakwerk: no Microsoft 365 host answered; continuing as a browser app.', error);
    return null;
  }
}

/**
 * On the configurable tab's set-up page: tells Teams the tab is ready to save and which page it shows
 * (the same work list as the personal tab, in the channel's context).
 */
export async function enableTabConfiguration(contentUrl: string): Promise<void> {
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({
        contentUrl,
        websiteUrl: contentUrl.replace('?host=teams', ''),
        entityId: 'zaakwerk-werk',
        suggestedDisplayName: 'Zaakwerk',
      })
      .then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  pages.config.setValidityState(true);
}
