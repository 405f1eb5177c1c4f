// A real SMTP server for the tests, on 127.0.0.1:<port>. Every accepted message is appended to
// <messages file> as one JSON line; recipients listed in <messages file>.reject (one per line)
// are refused with a permanent 550, so that tests can make a delivery fail for good.
import { SMTPServer } from 'smtp-server';
import fs from 'node:fs';

const [port, file] = process.argv.slice(2);
const rejected = () => (fs.existsSync(file + '.reject') ? fs.readFileSync(file + '.reject', 'utf8').split('\n').map(l => l.trim()).filter(Boolean) : []);

const server = new SMTPServer({
  authOptional: true,
  disableReverseLookup: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, session, callback) {
    if (rejected().includes(address.address)) {
      const error = new Error('Mailbox unavailable');
      error.responseCode = 550;
      return callback(error);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      try {
        const mail = parse(Buffer.concat(chunks).toString('latin1'));
        mail.envelopeTo = session.envelope.rcptTo.map(r => r.address);
        fs.appendFileSync(file, JSON.stringify(mail) + '\n');
        callback();
      } catch (error) {
        callback(error);
      }
    });
  },
});

// A small MIME reader, enough for what System.Net.Mail writes: headers with encoded words, a
// multipart/alternative body whose parts are quoted-printable or base64 (the npm registry here
// lacks mailparser's dependencies).
function parse(raw) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = headersOf(head);
  const body = rest.join('\r\n\r\n');
  const parts = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const section of body.split('--' + boundary).slice(1)) {
      if (section.startsWith('--')) break;
      const [partHead, ...partBody] = section.replace(/^\r\n/, '').split('\r\n\r\n');
      const partHeaders = headersOf(partHead);
      const type = (partHeaders['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
      parts[type] = decodeBody(partBody.join('\r\n\r\n'), partHeaders['content-transfer-encoding']);
    }
  } else {
    parts['text/plain'] = decodeBody(body, headers['content-transfer-encoding']);
  }
  return {
    messageId: (headers['message-id'] ?? '').trim(),
    from: decodeWords(headers['from'] ?? ''),
    to: decodeWords(headers['to'] ?? ''),
    subject: decodeWords(headers['subject'] ?? ''),
    text: (parts['text/plain'] ?? '').replace(/\r\n/g, '\n').trim(),
    html: parts['text/html'] ?? '',
  };
}

function headersOf(block) {
  const headers = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBody(body, encoding = '7bit') {
  const bytes = encoding.toLowerCase() === 'base64'
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
    : encoding.toLowerCase() === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
      : Buffer.from(body, 'latin1');
  return bytes.toString('utf8');
}

function decodeWords(value) {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, charset, kind, text) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
}

server.on('error', error => console.error(error.message));
// Answer each SMTP command at once (no Nagle delay on the replies).
server.server.on('connection', socket => socket.setNoDelay(true));
server.listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
