import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function digest(to) {
  MailApp.sendEmail({ to: to, subject: 'Your day', body: 'Plain', htmlBody: '<b>Rich</b>', name: 'MindFlow' });
  return MailApp.getRemainingDailyQuota();
}
function classic() { MailApp.sendEmail('a@example.com', 'Hi', 'Body'); }
function nobody() { MailApp.sendEmail({ subject: 'x', body: 'y' }); }
`;

describe('MailApp', () => {
  describe('sendEmail', () => {
    it('records the message and spends one quota unit per recipient', () => {
      const app = inlineBundle(CODE);
      expect(app.run('digest', 'a@example.com, b@example.com')).toBe(98);
      expect(app.emulator.mail.sent[0]).toMatchObject({
        to: ['a@example.com', 'b@example.com'],
        subject: 'Your day',
        htmlBody: '<b>Rich</b>',
        name: 'MindFlow',
      });
    });

    it('accepts the (recipient, subject, body) form', () => {
      const app = inlineBundle(CODE);
      app.run('classic');
      expect(app.emulator.mail.sent[0]).toMatchObject({
        to: ['a@example.com'],
        subject: 'Hi',
        body: 'Body',
      });
    });

    it('fails once the daily quota is spent', () => {
      const app = inlineBundle(CODE);
      app.emulator.mail.resetQuota(1);
      app.run('digest', 'a@example.com');
      expect(() => app.run('digest', 'a@example.com')).toThrow(
        'Service invoked too many times for one day: email.',
      );
    });

    it('needs a recipient', () => {
      expect(() => inlineBundle(CODE).run('nobody')).toThrow('Failed to send email: no recipient');
    });
  });
});
