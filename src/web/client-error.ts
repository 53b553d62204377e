/**
 * Answers for requests Node's HTTP parser refuses before the app sees them (a target with raw, unencoded bytes, a
 * header too large, a malformed request line). Node's default is a bare `400` with no body; a person whose link was
 * mangled by a chat app gets a page that says what happened in Chinese instead. Nothing of the request is echoed.
 */
import type { Socket } from 'node:net';

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>` +
  `<body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em"><h1>${title}</h1><p>${text}</p><p><a href="/">返回首页</a></p></body></html>`;

/** The status and page for a parser error code (llhttp's HPE_* codes, Node's ERR_HTTP_* codes). */
export function clientErrorAnswer(code: string | undefined): {
  status: number;
  reason: string;
  body: string;
} {
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: PAGE(
        '请求头过大',
        '浏览器发送的请求头（通常是 Cookie）过大。请清除本网站的 Cookie 后重新打开页面。',
      ),
    };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT')
    return {
      status: 408,
      reason: 'Request Timeout',
      body: PAGE('请求超时', '请求在规定时间内没有发送完毕，请重新打开页面。'),
    };
  return {
    status: 400,
    reason: 'Bad Request',
    body: PAGE(
      '网址格式有误',
      '请求的网址或请求格式不正确（例如网址中含有未经编码的中文或空格，常见于被聊天软件截断或改动的链接）。请从本网站的页面重新进入，或在搜索框中输入要找的内容。',
    ),
  };
}

/** The server's `clientError` listener: writes the answer and closes the connection (the request is unusable). */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // A connection reset or a socket already written to (e.g. a keep-alive answer in flight) gets nothing more.
  if (
    err.code === 'ECONNRESET' ||
    !socket.writable ||
    (socket as Socket & { _httpMessage?: unknown })._httpMessage
  ) {
    socket.destroy();
    return;
  }
  const { status, reason, body } = clientErrorAnswer(err.code);
  const bytes = Buffer.from(body, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${bytes.length}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
