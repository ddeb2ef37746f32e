import type { Activity } from 'botbuilder';

/** Why the sender of an activity may not run an administrator's command, or undefined when they may. */
export type AdminCheck = (activity: Activity) => string | undefined;

/**
 * Administrators are the Entra ID users in TEAMS_ADMIN_AAD_IDS. `aadObjectId` means something only when the
 * request carried a Bot Framework token; in local mode anyone on the machine could write it, so nobody is an admin.
 */
export function adminCheck(mode: 'bot-framework' | 'local', adminAadIds: string[]): AdminCheck {
  return (activity) => {
    if (mode === 'local') {
      return 'Administrator commands need an authenticated Teams connection (MICROSOFT_APP_ID); local mode cannot tell who is typing.';
    }
    if (adminAadIds.length === 0) return 'No Teams administrators are configured (TEAMS_ADMIN_AAD_IDS).';
    const aadId = activity.from?.aadObjectId;
    return aadId && adminAadIds.includes(aadId) ? undefined : 'Only the administrators listed in TEAMS_ADMIN_AAD_IDS can do that.';
  };
}
