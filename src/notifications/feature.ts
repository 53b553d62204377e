/** Notifications: the delivery jobs (e-mail, SMS) and each user's 提醒设置 page (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { jobHandler } from '../jobs/queue.ts';
import { notificationSettingsRoutes } from '../web/routes/office/notification-settings.tsx';
import { sendNotificationEmail, sendNotificationSms } from './deliver.ts';

// A function, like the audit's manifest: set-up and the CLI reach the feature list through an import cycle.
export function notificationsFeature(): Feature {
  return {
    name: 'notifications',
    routes: [notificationSettingsRoutes],
    jobs: {
      'notifications.send_email': jobHandler(sendNotificationEmail),
      'notifications.send_sms': jobHandler(sendNotificationSms),
    },
  };
}
