import type { IAdaptiveCard, IExecuteAction, ITextBlock } from '@microsoft/teams.cards';

/**
 * Small builders shared by the card files. Only Adaptive Card 1.2 elements (TextBlock, Container)
 * plus Action.Execute: Teams renders schema 1.5, but Teams mobile reliably renders only 1.2.
 */

/** The verb of the "Vernieuwen" button; the bot answers its invoke with a freshly built card. */
export const refreshVerb = 'refresh';

export const cardSchemaUrl = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function card(fallbackText: string, body: IAdaptiveCard['body'], actions: IAdaptiveCard['actions'] = []): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: cardSchemaUrl,
    version: '1.5',
    fallbackText,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export const heading = (text: string): ITextBlock => ({ type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true });

export const paragraph = (text: string, options: Partial<ITextBlock> = {}): ITextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...options,
});

/** The English line under a Dutch one: same text block style, toned down, no gap. */
export const english = (text: string): ITextBlock => paragraph(text, { isSubtle: true, spacing: 'None' });

export const refreshAction = (): IExecuteAction => ({ type: 'Action.Execute', title: 'Vernieuwen', verb: refreshVerb });

/**
 * TextBlocks read a markdown subset: a case title like `[klik](https://...)` would become a link.
 * Escapes what forms links and emphasis; case numbers and dates (letters, digits, dashes) pass unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\[\]*_])/g, '\\$1');
}
