/**
 * Outside channels for programme reminders (SMS and e-mail), next to the in-app inbox. Deployments plug
 * in their own gateway (the government SMS platform, an SMTP relay) by implementing this interface; the
 * default only logs what would be sent, so nothing leaves the server unless someone wires a gateway.
 */
export interface MessageChannels {
  sms(to: string, text: string): Promise<void>;
  email(to: string, subject: string, text: string): Promise<void>;
}

export interface ChannelLogger {
  info(details: object, message: string): void;
}

/** The default adapter: writes each message to the log instead of sending it. */
export function loggingChannels(logger: ChannelLogger): MessageChannels {
  return {
    sms: async (to, text) => {
      logger.info({ channel: 'sms', to, text }, 'sms (log only: no gateway configured)');
    },
    email: async (to, subject, text) => {
      logger.info({ channel: 'email', to, subject, text }, 'email (log only: no gateway configured)');
    },
  };
}

/** A mobile number an SMS can go to (landlines in the registry are skipped). */
export function isMobileNumber(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}
