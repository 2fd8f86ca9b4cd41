import PressKit
print(Formats.all.map(\.name))
