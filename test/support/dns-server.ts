// A DNS server on 127.0.0.1 (UDP) that answers SRV questions from a table, for tests of what
// discovery does with DNS answers: the engine asks it over the real protocol (c-ares, through
// MAIL_TEST_DNS_SERVER). Any other question gets an empty answer (NOERROR, no records), which the
// resolver reports as "no data". Only what RFC 1035 and RFC 2782 need for that: one question per
// query, uncompressed names in answers.
import { createSocket, type Socket } from 'node:dgram';

export interface SrvAnswer {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

export interface DnsServer {
  /** "127.0.0.1:<port>", for MAIL_TEST_DNS_SERVER. */
  address: string;
  /** Every name asked for, lower case, with its type (33: SRV, 15: MX, ...). */
  asked: { name: string; type: number }[];
  close(): Promise<void>;
}

const TYPE_SRV = 33;
const CLASS_IN = 1;

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

/** The question's name and where the question ends (after QTYPE and QCLASS). */
function readQuestion(query: Buffer): { name: string; type: number; end: number } | null {
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length) {
    const length = query[offset]!;
    if (length === 0) break;
    if (length > 63) return null; // no compression in a question we accept
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += 1 + length;
  }
  if (offset + 5 > query.length) return null;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(offset + 1), end: offset + 5 };
}

function srvRecord(answer: SrvAnswer): Buffer {
  const target = encodeName(answer.target);
  const rdata = Buffer.alloc(6);
  rdata.writeUInt16BE(answer.priority, 0);
  rdata.writeUInt16BE(answer.weight, 2);
  rdata.writeUInt16BE(answer.port, 4);
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
  head.writeUInt16BE(TYPE_SRV, 2);
  head.writeUInt16BE(CLASS_IN, 4);
  head.writeUInt32BE(60, 6);
  head.writeUInt16BE(rdata.length + target.length, 10);
  return Buffer.concat([head, rdata, target]);
}

export function answer(query: Buffer, srv: Record<string, SrvAnswer[]>, asked: DnsServer['asked']): Buffer | null {
  if (query.length < 12 || query.readUInt16BE(4) !== 1) return null;
  const question = readQuestion(query);
  if (!question) return null;
  asked.push({ name: question.name, type: question.type });
  const records = question.type === TYPE_SRV ? (srv[question.name] ?? []) : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // the query's id
  header.writeUInt16BE(0x8180 | (query.readUInt16BE(2) & 0x0100), 2); // a response, recursion as asked
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  return Buffer.concat([header, query.subarray(12, question.end), ...records.map(srvRecord)]);
}

/** Starts the server; `srv` maps "_imaps._tcp.example.test" to its records. */
export async function startDnsServer(srv: Record<string, SrvAnswer[]>): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const asked: DnsServer['asked'] = [];
  socket.on('message', (query, peer) => {
    const reply = answer(query, srv, asked);
    if (reply) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    asked,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
