-- A pandoc Lua filter for print: each link becomes its text followed by its address in parentheses
-- (mailto: links keep only their text). Works on presskit's output, and presskit reads the result back:
--   presskit page.html -t pandoc | pandoc -f json -t json --lua-filter print-links.lua | presskit -f pandoc -o release.epub
function Link(link)
  local out = link.content
  if link.target:match("^mailto:") then return out end
  if pandoc.utils.stringify(link.content) == link.target then return out end
  out:insert(pandoc.Space())
  out:insert(pandoc.Str("(" .. link.target .. ")"))
  return out
end
