// One step of the console test in Debian's headless chromium, driven by Playwright. Prints one
// JSON result line on stdout and exits 0, or prints why on stderr and exits 1.
//
//   node browser.mjs STEP [ARG...]
//
// Environment: CONSOLE_URL (e.g. http://127.0.0.1:8080/system/console), CONSOLE_USER,
// CONSOLE_PASSWORD, CHROMIUM (default /usr/bin/chromium). Each run starts a browser with a
// fresh profile and logs in through the browser's Basic authentication.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MS = 20000;
const consoleUrl = process.env.CONSOLE_URL;
const [step, ...args] = process.argv.slice(2);

async function open(password = process.env.CONSOLE_PASSWORD) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'console-test-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    httpCredentials: { username: process.env.CONSOLE_USER || 'admin', password },
    viewport: { width: 1400, height: 1000 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function gatewayPage(page) {
  const response = await page.goto(consoleUrl + '/gateway');
  if (response.status() !== 200) {
    throw new Error('the gateway page answered ' + response.status());
  }
  await page.locator('#gateway-agents').waitFor();
}

// The edit dialog of PID on the Configuration page, as the operator reads it.
async function readForm(page, pid) {
  await page.goto(consoleUrl + '/configMgr/' + pid);
  await page.locator('#editorForm').waitFor();
  const values = await page.locator('#editorForm [name]').evaluateAll((fields) => Object.fromEntries(
    fields.filter((f) => f.tagName !== 'INPUT' || f.type !== 'hidden').map((f) => [f.name, f.value])));
  return {
    title: await page.locator('.ui-dialog-title').first().textContent(),
    description: await page.locator('#editorForm td.configDescription').textContent(),
    labels: await texts(page, '#editorForm td.minWidthCell'),
    help: await texts(page, '#editorForm div.topPaddedText'),
    values,
  };
}

async function texts(page, selector) {
  return page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.textContent.trim()));
}

async function overview(page) {
  const rows = await page.locator('#gateway-agents tbody tr[data-did]').evaluateAll((trs) => trs.map((tr) => ({
    did: tr.getAttribute('data-did'),
    shownDid: tr.querySelector('.did').textContent,
    address: tr.querySelector('.address').textContent,
    since: tr.querySelector('.since').textContent,
    lastActivity: tr.querySelector('.last-activity').textContent,
    capabilities: tr.querySelector('.capabilities').textContent,
    capabilitiesHtml: tr.querySelector('.capabilities').innerHTML,
    framesIn: Number(tr.querySelector('.frames-in').textContent),
    framesOut: Number(tr.querySelector('.frames-out').textContent),
    hasDisconnectButton: tr.querySelector('button.disconnect') !== null,
  })));
  const notice = page.locator('#gateway-notice');
  return {
    title: await page.title(),
    heading: (await texts(page, '#content h2, #gateway-console h2')).join(' | '),
    agentCount: Number(await page.locator('#agent-count').textContent()),
    rows,
    mode: await page.locator('#verification-mode').textContent(),
    gatewayDid: await page.locator('#gateway-did').textContent(),
    agentAddress: await page.locator('#gateway-address').textContent(),
    framesIn: Number(await page.locator('#total-frames-in').textContent()),
    rateIn: Number(await page.locator('#rate-frames-in').textContent()),
    verificationFailures: Number(await page.locator('#total-verification-failures').textContent()),
    errorsByCode: Object.fromEntries((await page.locator('#errors-by-code tbody tr[data-key]').evaluateAll(
      (trs) => trs.map((tr) => [tr.getAttribute('data-key'), Number(tr.cells[1].textContent)])))),
    policies: await texts(page, '#gateway-policies li'),
    handlers: await texts(page, '#gateway-handlers li'),
    notice: (await notice.count()) > 0 ? await notice.textContent() : null,
    url: page.url(),
  };
}

const steps = {
  // The gateway page as a logged-in operator sees it.
  async overview() {
    const { page, errors, close } = await open();
    try {
      await gatewayPage(page);
      return { ...(await overview(page)), scriptErrors: errors };
    } finally {
      await close();
    }
  },

  // What a wrong password gets: the statuses the browser saw, and whether the page showed.
  async refused(password) {
    const { page, close } = await open(password);
    const statuses = [];
    page.on('response', (response) => {
      if (response.url().startsWith(consoleUrl)) {
        statuses.push(response.status());
      }
    });
    try {
      let error = null;
      try {
        await page.goto(consoleUrl + '/gateway');
      } catch (e) {
        // Chromium gives up on a login that keeps failing (ERR_HTTP_RESPONSE_CODE_FAILURE and the like)
        error = String(e.message).split('\n')[0];
      }
      const shown = await page.locator('#gateway-console').count();
      return { statuses, error, pageShown: shown > 0 };
    } finally {
      await close();
    }
  },

  // Opens the page, says it is ready, then waits without reloading until the live refresh shows
  // at least MORE more frames in than at the start and a rate above zero.
  async watch(more) {
    const { page, errors, close } = await open();
    try {
      await gatewayPage(page);
      const before = Number(await page.locator('#total-frames-in').textContent());
      process.stdout.write(JSON.stringify({ ready: true, framesIn: before }) + '\n');
      await page.waitForFunction(([min]) => {
        const total = Number(document.getElementById('total-frames-in').textContent);
        const rate = Number(document.getElementById('rate-frames-in').textContent);
        return total >= min && rate > 0;
      }, [before + Number(more)], { timeout: STEP_TIMEOUT_MS });
      return { before, ...(await overview(page)), scriptErrors: errors };
    } finally {
      await close();
    }
  },

  // Chooses a verification mode on the page and applies it.
  async 'set-mode'(mode) {
    const { page, errors, close } = await open();
    try {
      await gatewayPage(page);
      await page.selectOption('#mode-select', mode);
      await Promise.all([page.waitForURL(/done=/), page.click('#mode-apply')]);
      await page.locator('#gateway-agents').waitFor();
      return { ...(await overview(page)), scriptErrors: errors };
    } finally {
      await close();
    }
  },

  // Presses the Disconnect button in the row of DID.
  async disconnect(did) {
    const { page, errors, close } = await open();
    try {
      await gatewayPage(page);
      const button = page.locator(`#gateway-agents tr[data-did="${did}"] button.disconnect`);
      await Promise.all([page.waitForURL(/done=/), button.click()]);
      await page.locator('#gateway-agents').waitFor();
      return { ...(await overview(page)), scriptErrors: errors };
    } finally {
      await close();
    }
  },

  // The configurations listed on the Configuration page (name and PID), and the form of each PID
  // (comma-separated) as the operator reads it.
  async 'config-forms'(pids) {
    const { page, close } = await open();
    try {
      await page.goto(consoleUrl + '/configMgr');
      await page.locator('#configTable td.pointer').first().waitFor();
      const entries = await page.locator('#configTable td.pointer').evaluateAll((tds) => tds.map((td) => {
        const pid = td.querySelector('.pid');
        return { name: td.firstChild.textContent.trim(), pid: pid ? pid.textContent : null };
      }));
      const forms = {};
      for (const pid of pids.split(',')) {
        forms[pid] = await readForm(page, pid);
      }
      return { entries, forms };
    } finally {
      await close();
    }
  },

  // Opens the form of PID on the Configuration page, sets PROPERTY to VALUE and presses Save.
  async 'config-set'(pid, property, value) {
    const { page, close } = await open();
    try {
      const form = await readForm(page, pid);
      await page.locator(`#editorForm [name="${property}"]`).fill(value);
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/configMgr/'));
      await page.locator('.ui-dialog-buttonset button', { hasText: 'Save' }).click();
      form.saveStatus = (await saved).status();
      await page.locator('#editorForm').waitFor({ state: 'detached' });
      return form;
    } finally {
      await close();
    }
  },
};

if (!steps[step]) {
  process.stderr.write('unknown step ' + step + '; steps: ' + Object.keys(steps).join(', ') + '\n');
  process.exit(2);
}
try {
  const result = await steps[step](...args);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
} catch (error) {
  process.stderr.write(step + ' failed: ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
}
