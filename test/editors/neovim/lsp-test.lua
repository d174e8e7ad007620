-- Neovim as a third-party LSP client: waits for the current buffer's diagnostics and writes them, with the
-- roots of the clients attached to it, as JSON to $DIAG_OUT. With $LSP_SERVER it first attaches that stdio
-- server itself; without, the set-up in the init file (docs/editors.md) has attached it. Neovim 0.7 (Debian
-- bookworm) has no vim.lsp.start, so this uses vim.lsp.start_client + buf_attach_client (also fine on 0.8+).
-- Env: DIAG_OUT, LSP_SERVER (optional), DIAG_TIMEOUT_MS.
local out_path = assert(os.getenv('DIAG_OUT'), 'DIAG_OUT')
local server = os.getenv('LSP_SERVER')
local timeout = tonumber(os.getenv('DIAG_TIMEOUT_MS') or '20000')
local bufnr = vim.api.nvim_get_current_buf()

if server then
  local client_id = vim.lsp.start_client({
    name = 'callstats-lint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal) io.stderr:write(('server exited code=%s signal=%s\n'):format(code, signal)) end,
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
end

local ok = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local rows = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(rows, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
    source = d.source, message = d.message, code = lsp.code or d.code })
end
local roots = {}
for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(roots, client.config.root_dir) end
local json = vim.fn.json_encode({ ok = ok, file = vim.api.nvim_buf_get_name(bufnr), roots = roots, diagnostics = rows })
local f = assert(io.open(out_path, 'w'))
f:write(json .. '\n')
f:close()
for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do client.stop() end
vim.cmd(ok and 'qall!' or 'cquit! 1')
