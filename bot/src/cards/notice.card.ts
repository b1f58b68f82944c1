import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { card, english, heading, paragraph, refreshAction } from './elements';

/**
 * Shown when Teams does not tell us who is talking (no Entra object id), or the API does not know
 * that user. Nothing to refresh: the answer will not change until an administrator acts.
 */
export function unknownUserCard(): IAdaptiveCard {
  return card('Ik weet niet wie u bent in Zaakwerk.', [
    heading('Ik weet niet wie u bent'),
    english("I don't know who you are"),
    paragraph(
      'Uw Teams-account is niet gekoppeld aan een Zaakwerk-gebruiker, dus ik kan uw zaken niet tonen. ' +
        'Vraag uw functioneel beheerder om toegang.',
    ),
    english(
      'Your Teams account is not linked to a Zaakwerk user, so I cannot show your cases. Ask your administrator for access.',
    ),
  ]);
}

/** Shown when the API cannot answer now; "Vernieuwen" tries again. */
export function unavailableCard(): IAdaptiveCard {
  return card(
    'Zaakwerk is op dit moment niet bereikbaar.',
    [
      heading('Zaakwerk is even niet bereikbaar'),
      english('Zaakwerk cannot be reached right now'),
      paragraph('Probeer het over een paar minuten opnieuw met Vernieuwen.'),
      english('Please try again in a few minutes with Vernieuwen (refresh).'),
    ],
    [refreshAction()],
  );
}
