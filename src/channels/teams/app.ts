import { ActivityTypes } from 'botbuilder';
// The module itself, not the package index: the index also loads the AI planners, OpenAI client and tokenizers
// (some 25 MB and half a second at start) that this bot does not use.
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { TeamsTurns } from './turns.js';

/**
 * The teams-ai Application only routes activities to the turns; it has no adapter of its own because the
 * channel drives botbuilder's CloudAdapter directly (see adapter.ts), and no AI planner.
 */
export function createTeamsApplication(turns: TeamsTurns): Application {
  const app = new Application({
    // A typing indicator per message would be extra activities for every answer, and answers are quick.
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  app.conversationUpdate('membersAdded', (context) => turns.install(context));
  app.conversationUpdate('membersRemoved', (context) => turns.removed(context));
  app.activity(ActivityTypes.InstallationUpdate, (context) => turns.removed(context));
  // Every verb goes to the core, which knows the actions; an unknown one gets a friendly card, not a 501.
  app.adaptiveCards.actionExecute(/^/, (context, _state, data) => turns.execute(context, data));
  app.activity(ActivityTypes.Message, (context) => turns.message(context));
  return app;
}
