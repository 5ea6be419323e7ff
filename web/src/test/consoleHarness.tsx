// Renders a page or dialog of the console as it runs signed in — the session (a user and
// the permissions GET /auth/me grants their role), antd's App with the console's locale, a
// fresh query client, a router and the language — against `fakeApi()`: every request goes
// through the real `request()` wrapper (CSRF, If-Match, the error envelope) to a fetch that
// answers from a table of handlers and records what was sent.
//
// Test files that render use jsdom: start them with `// @vitest-environment jsdom`.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  cleanup,
  configure,
  fireEvent,
  render,
  waitFor,
  type RenderResult,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, onTestFinished, vi } from 'vitest';
import type { Permission, User } from '../api/types';
import { accessFor } from '../app/access';
import { SessionContext } from '../app/sessionContext';
import i18n from '../i18n';
import { makeUser, PERMISSIONS_BY_ROLE } from './fixtures';

// What antd needs of a browser that jsdom lacks.
if (typeof window !== 'undefined') {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // jsdom does not do layout; antd asks for pseudo-elements' styles and warns without this.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (elt: Element) => computed(elt);
  window.scrollTo = () => {};
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // What a page keeps for the tab (the import being followed, say) does not outlive a test.
  if (typeof window !== 'undefined') window.sessionStorage.clear();
});

// A page renders antd's whole tree in jsdom: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 20_000 });

/** Puts text in a field at once (typing it key by key is slow in jsdom). */
export function fill(field: HTMLElement, text: string): void {
  fireEvent.change(field, { target: { value: text } });
}

/**
 * Waits until no loading veil covers `container`: antd's Spin takes its blur (which refuses
 * pointer events) off in an effect after the render that shows the new rows, so a click
 * right after those rows appear can land on it.
 */
export async function waitForNoSpinner(container: HTMLElement): Promise<void> {
  await waitFor(() => {
    if (container.querySelector('.ant-spin-blur')) throw new Error('still loading');
  });
}

/** A user at the keyboard and mouse, without pauses between key presses. */
export function setupUser() {
  return userEvent.setup({ delay: null });
}

export type Call = {
  method: string;
  /** The path after /api/v1, without the query. */
  path: string;
  query: URLSearchParams;
  /** A JSON body parsed; any other body (a file, say) as sent. */
  body: unknown;
  contentType: string | null;
  ifMatch: string | null;
  prefer: string | null;
};

/** An answer: a JSON body with a status (200 unless given), e.g. an API error envelope. */
export class Answer {
  constructor(
    readonly body: unknown,
    readonly status = 200,
  ) {}
}

/** A file as the API answers with one (an export): its bytes, status and headers. */
export class FileAnswer {
  constructor(
    readonly data: string | Uint8Array<ArrayBuffer>,
    readonly headers: Record<string, string>,
    readonly status = 200,
  ) {}
}

/** A file answer: `text` as UTF-8 (a byte-order mark kept) with headers such as Content-Type. */
export function fileReply(text: string, headers: Record<string, string>): FileAnswer {
  return new FileAnswer(new TextEncoder().encode(text), headers);
}

/** A handler's answer: an `Answer`, a `FileAnswer`, or any other value as a 200 body. */
type Reply = Answer | FileAnswer | object;
type Handler = (call: Call) => Reply | Promise<Reply>;

/** A JSON body with its status (201, say). */
export function reply(status: number, body: unknown): Answer {
  return new Answer(body, status);
}

/** `{ code, message, fields }` as the server sends it, with its status. */
export function apiError(
  status: number,
  code: string,
  fields?: Record<string, string>,
  message = code,
): Answer {
  return new Answer({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

/**
 * A fake of the API: `on('GET /my-day', …)` answers a method and path (without /api/v1 and
 * the query string; `:id` matches a number). Requests without a handler answer 404 and are
 * listed in `unanswered`; `calls` lists every request made, in order.
 */
export function fakeApi() {
  const handlers: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const calls: Call[] = [];
  const unanswered: string[] = [];
  const fetchFake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://kams.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const headers = new Headers(init?.headers);
    const contentType = headers.get('Content-Type');
    const call: Call = {
      method,
      path,
      query: url.searchParams,
      body:
        contentType === 'application/json' && typeof init?.body === 'string'
          ? JSON.parse(init.body)
          : (init?.body ?? undefined),
      contentType,
      ifMatch: headers.get('If-Match'),
      prefer: headers.get('Prefer'),
    };
    calls.push(call);
    const found = [...handlers].reverse().find((h) => h.method === method && h.pattern.test(path));
    if (!found) unanswered.push(`${method} ${path}`);
    const answer = found
      ? await found.handler(call)
      : apiError(404, 'not_found', undefined, `no fake for ${method} ${path}`);
    if (answer instanceof FileAnswer)
      return new Response(answer.data, { status: answer.status, headers: answer.headers });
    const { body, status } = answer instanceof Answer ? answer : new Answer(answer);
    return new Response(status === 204 ? null : JSON.stringify(body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return {
    calls,
    unanswered,
    fetch: fetchFake,
    /**
     * Answers `METHOD /path` with a handler, an `Answer`, or any other value as a 200 body.
     * A later handler for the same path wins over an earlier one, also once rendered.
     */
    on(route: string, answer: Handler | Reply) {
      const [method = 'GET', path = '/'] = route.split(' ');
      const pattern = new RegExp(`^${path.replace(/:id/g, '\\d+')}$`);
      const handler: Handler = typeof answer === 'function' ? (answer as Handler) : () => answer;
      handlers.push({ method, pattern, handler });
      return this;
    },
    /** The requests made to `METHOD /path` (exact path), in order. */
    sent(route: string): Call[] {
      const [method, path] = route.split(' ');
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}

export type FakeApi = ReturnType<typeof fakeApi>;

/**
 * A Blob's bytes as UTF-8 text, a byte-order mark kept: jsdom's Blob (made by the console)
 * has no `text()` and is read with its FileReader; a fetched answer's Blob is Node's.
 */
async function utf8Of(blob: Blob): Promise<string> {
  const decode = (bytes: ArrayBuffer) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (typeof blob.arrayBuffer === 'function') return decode(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(decode(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Catches the files the console makes in the browser (`ui/download.ts`: a Blob URL behind a
 * clicked link) instead of letting jsdom try to navigate; `saved()` lists their names and
 * text in order. Call it in the test; it is undone when the test ends.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const clicked: { name: string; blob: Blob }[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(class extends URL {}, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:kams/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => {},
    }),
  );
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) clicked.push({ name: this.download, blob });
  });
  onTestFinished(() => click.mockRestore());
  return {
    saved: () =>
      Promise.all(clicked.map(async ({ name, blob }) => ({ name, text: await utf8Of(blob) }))),
  };
}

/** A user as GET /auth/me answers it (a KAM unless told). */
export function userOf(fields: Partial<User> & Pick<User, 'id'>): User {
  return makeUser({ role: 'kam', locale: 'zh-CN', ...fields });
}

/** Shows where the router went, for tests of links and redirects. */
function Elsewhere() {
  const location = useLocation();
  return <div data-testid="elsewhere">{location.pathname + location.search}</div>;
}

type Options = {
  api: FakeApi;
  /** Default: 王磊 (id 5), a KAM. */
  user?: User;
  /** Default: what GET /auth/me grants the user's role. */
  permissions?: Permission[];
  /** Default: zh-CN, as the console starts. */
  language?: 'zh-CN' | 'en-US';
  /**
   * The route pattern the component is rendered at, e.g. `/customers/:id`; other addresses
   * show where the router went (`elsewhere`). Default `*`: the component at any address.
   */
  path?: string;
  /** The address opened (default: `path`, or `/`). */
  url?: string;
};

/** Renders `ui` signed in with a fresh query client, the fake API and the language. */
export async function renderSignedIn(
  ui: ReactElement,
  { api, user, permissions, language = 'zh-CN', path = '*', url }: Options,
): Promise<RenderResult & { client: QueryClient; router: ReturnType<typeof createMemoryRouter> }> {
  vi.stubGlobal('fetch', api.fetch);
  await i18n.changeLanguage(language);
  dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
  const me = user ?? userOf({ id: 5, display_name: '王磊' });
  const session = {
    user: me,
    access: accessFor(permissions ?? PERMISSIONS_BY_ROLE[me.role], me.role),
  };
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      {
        path,
        element: <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>,
      },
      ...(path === '*' ? [] : [{ path: '*', element: <Elsewhere /> }]),
    ],
    { initialEntries: [url ?? (path === '*' ? '/' : path)] },
  );
  const result = render(
    // As Root configures antd, without motion: nothing waits for its transitions.
    <ConfigProvider
      locale={language === 'en-US' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { motion: false } }}
    >
      <AntApp>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...result, client, router };
}
