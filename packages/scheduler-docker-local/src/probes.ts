/**
 * Network probes for host-mode checks (free loopback ports for host-mode dynos are plugin-api's).
 * Everything here talks to 127.0.0.1 only (see checks.ts for why bridge addresses are never used).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createConnection } from 'node:net';

export interface HttpResult {
  status: number;
  body: string;
}

export interface Probes {
  http(url: string, timeoutMs: number): Promise<HttpResult>;
  tcp(host: string, port: number, timeoutMs: number): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function httpGet(url: string, timeoutMs: number): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      // Health endpoints on loopback typically use self-signed certificates.
      { method: 'GET', headers: { Accept: '*/*' }, timeout: timeoutMs, rejectUnauthorized: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < MAX_BODY) body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

export const netProbes: Probes = { http: httpGet, tcp: tcpConnect };
