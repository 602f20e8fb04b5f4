// Refreshes the gateway page from data.json every 2 s. Builds nodes with textContent only,
// so nothing an agent sends can become markup.
(function () {
  'use strict';
  var page = document.getElementById('gateway-console');
  if (!page || !window.fetch) {
    return;
  }
  var root = page.getAttribute('data-root');

  function seconds(iso) {
    return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  function set(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = String(value);
    }
  }

  function cell(row, className, text) {
    var td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function emptyRow(body, columns, text) {
    var row = document.createElement('tr');
    row.className = 'none';
    var td = cell(row, null, text);
    td.colSpan = columns;
    body.appendChild(row);
  }

  function counters(id, values, none) {
    var table = document.getElementById(id);
    if (!table) {
      return;
    }
    var body = table.tBodies[0];
    body.replaceChildren();
    var keys = Object.keys(values).sort();
    if (keys.length === 0) {
      emptyRow(body, 2, none);
    }
    keys.forEach(function (key) {
      var row = document.createElement('tr');
      row.setAttribute('data-key', key);
      cell(row, null, key);
      cell(row, null, String(values[key]));
      body.appendChild(row);
    });
  }

  function sum(values) {
    return Object.keys(values).reduce(function (total, key) { return total + values[key]; }, 0);
  }

  function totals(data) {
    if (!data) {
      return;
    }
    set('total-frames-in', data.frames_in);
    set('rate-frames-in', data.frames_in_per_second.toFixed(1));
    set('total-frames-out', data.frames_out);
    set('rate-frames-out', data.frames_out_per_second.toFixed(1));
    set('total-registrations', data.registrations);
    set('total-routed', data.routed);
    set('mean-routing-micros', data.mean_routing_micros.toFixed(1));
    set('total-errors', sum(data.errors));
    set('total-verification-failures', sum(data.verification_failures));
    counters('errors-by-code', data.errors, 'no error sent');
    counters('verification-failures', data.verification_failures, 'no verification failure');
  }

  var shownAgents = null;

  function agents(list) {
    var table = document.getElementById('gateway-agents');
    var body = table.tBodies[0];
    var text = JSON.stringify(list);
    if (text === shownAgents) {
      return; // leave the rows (and a button about to be clicked) alone
    }
    shownAgents = text;
    body.replaceChildren();
    set('agent-count', list.length);
    if (list.length === 0) {
      emptyRow(body, 9, 'No agent is connected.');
    }
    list.forEach(function (agent) {
      var row = document.createElement('tr');
      row.setAttribute('data-did', agent.did);
      cell(row, 'did', agent.did);
      cell(row, 'address', agent.remote_address);
      cell(row, 'since', seconds(agent.connected_at));
      cell(row, 'last-activity', seconds(agent.last_activity));
      cell(row, 'capabilities', agent.capabilities.join(', '));
      cell(row, 'frames-in', String(agent.frames_in));
      cell(row, 'frames-out', String(agent.frames_out));
      var r = agent.requests;
      cell(row, 'requests', r.total + ' (' + r.successes + ' / ' + r.failures + ' / ' + r.timeouts + ')');
      var form = document.createElement('form');
      form.method = 'post';
      form.action = root + '/disconnect';
      var did = document.createElement('input');
      did.type = 'hidden';
      did.name = 'did';
      did.value = agent.did;
      var button = document.createElement('button');
      button.type = 'submit';
      button.className = 'disconnect';
      button.textContent = 'Disconnect';
      form.appendChild(did);
      form.appendChild(button);
      cell(row, null, '').appendChild(form);
      body.appendChild(row);
    });
  }

  function ordered(id, items, none) {
    var list = document.getElementById(id);
    if (!list || !items) {
      return;
    }
    list.replaceChildren();
    if (items.length === 0) {
      var empty = document.createElement('li');
      empty.className = 'none';
      empty.textContent = none;
      list.appendChild(empty);
    }
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item;
      list.appendChild(li);
    });
  }

  function refresh() {
    fetch(root + '/data.json', { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        set('verification-mode', data.mode === null ? 'verifier not running' : data.mode);
        totals(data.totals);
        agents(data.agents);
        ordered('gateway-policies', data.policies, 'none: every frame goes where it is addressed');
        ordered('gateway-handlers', data.handlers, 'none');
        page.setAttribute('data-refreshed', new Date().toISOString());
      })
      .catch(function (error) {
        page.setAttribute('data-refresh-error', String(error));
      })
      .finally(function () {
        window.setTimeout(refresh, 2000);
      });
  }

  window.setTimeout(refresh, 2000);
}());
