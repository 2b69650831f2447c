// A real SMTP server (smtp-server) on loopback that keeps every message it accepts, or refuses
// them all while `failing` is set.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: CapturedMail[];
  failing: boolean;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: { mails: CapturedMail[]; failing: boolean } = { mails: [], failing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.failing) {
          const error = Object.assign(new Error("451 Postkassen er midlertidigt utilgængelig"), {
            responseCode: 451,
          });
          return callback(error);
        }
        state.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get mails() {
      return state.mails;
    },
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The sign-in link in a captured mail (quoted-printable soft line breaks undone). */
export function linkIn(mail: CapturedMail): string {
  const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const link = /https?:\/\/\S+\/login\/link\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!link) throw new Error("no sign-in link in the mail");
  return link;
}
