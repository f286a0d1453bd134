# Tests classes whose __iter__ is a generator, combined with __len__, __contains__ and __getitem__.
class Playlist:
    def __init__(self, name, songs):
        self.name = name
        self.songs = list(songs)

    def __iter__(self):
        for i, s in enumerate(self.songs, 1):
            yield f"{i}. {s}"

    def __len__(self):
        return len(self.songs)

    def __contains__(self, song):
        return song in self.songs

    def __getitem__(self, i):
        return self.songs[i]

    def shuffled(self, step):
        n = len(self.songs)
        pos = 0
        for _ in range(n):
            yield self.songs[pos]
            pos = (pos + step) % n

p = Playlist("mix", ["intro", "verse", "chorus", "bridge", "outro"])
print("-- iteration via generator __iter__")
for line in p:
    print(line)
print("-- other protocols")
print(len(p), "chorus" in p, "solo" in p, p[0], p[-1])
print("-- a second generator method")
print(list(p.shuffled(2)))
print("-- iterate two generators in lockstep")
for a, b in zip(p, p.shuffled(3)):
    print(a, "|", b)
