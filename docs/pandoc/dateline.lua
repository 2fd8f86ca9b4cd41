-- A pandoc Lua filter for presskit's output (`presskit … -t pandoc | pandoc -f json --lua-filter dateline.lua`):
-- starts the body with the release's dateline and date, "BERLIN, 2024-03-05 –", in bold, as wire copy does.
-- presskit puts them in the metadata (dateline, date); the body no longer carries them.
function Pandoc(doc)
  local place = doc.meta.dateline and pandoc.utils.stringify(doc.meta.dateline)
  local date = doc.meta.date and pandoc.utils.stringify(doc.meta.date)
  local parts = {}
  if place and place ~= "" then table.insert(parts, place) end
  if date and date ~= "" then table.insert(parts, date) end
  if #parts == 0 then return nil end
  table.insert(doc.blocks, 1, pandoc.Para({ pandoc.Strong({ pandoc.Str(table.concat(parts, ", ") .. " –") }) }))
  return doc
end
