/**
 * Where templates come from: today the files shipped with the API (functions/templates); a SharePoint
 * "Sjablonen" library can implement the same port later. Names are as the case type writes them
 * (`besluit.docx`) for Word templates, and keys (`ontvangstbevestiging`) for e-mail templates.
 */
export interface TemplateSource {
  /** The .docx bytes of a Word template, or null when there is none by that name. */
  document(name: string): Promise<Uint8Array | null>;
  /** The text of an e-mail template (`Onderwerp: …`, an empty line, the body), or null. */
  email(key: string): Promise<string | null>;
  /** The keys of the e-mail templates there are. */
  emailKeys(): Promise<string[]>;
}
