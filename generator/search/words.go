package search

import "strings"

// stopWords are English words too common to find anything; they are not
// indexed, and the script drops them from queries (the manifest lists
// them).
const stopWords = "an and are as at be but by for if in into is it no not of on or such " +
	"that the their then there these they this to was will with"

// koSuffixes are Korean particles and the endings of 하다/되다/이다 that
// follow a noun in the same word (배포를, 배포했다, 배포되었으나). A word
// ending in one is indexed as written and as its stem, so that the stem
// finds every form; a query word is cut the same way. Suffixes of one
// syllable are cut only from words of three or more, so that 회의 or 평가
// keep their last syllable.
const koSuffixes = "" +
	// particles
	"은 는 이 가 을 를 의 에 와 과 도 만 로 께 랑 " +
	"으로 에서 에게 한테 께서 까지 부터 보다 처럼 마다 이나 이랑 하고 밖에 조차 라도 마저 " +
	"에는 에도 에선 로는 로도 와는 과는 와도 과도 로서 로써 만큼 대로 이란 이며 이고 " +
	"들이 들은 들을 들의 들에 들과 들도 들로 " +
	"에서는 에서도 에게는 에게도 으로는 으로도 으로서 으로써 까지는 까지도 부터는 " +
	"보다는 이라도 이라는 에서의 으로의 들에게 들에서 만으로 " +
	// 하다
	"하다 한다 했다 했고 했던 하던 했으며 했으나 했지만 했는데 했습니다 합니다 하는 " +
	"하며 하면 하여 해서 해야 하지 하기 하도록 하는데 하지만 하려면 할 한 함 " +
	// 되다
	"되다 된다 됐다 됐고 되었다 되었고 되었던 되었으며 되었으나 되었지만 되었습니다 " +
	"됩니다 되는 되고 되며 되면 되어 되어야 돼서 되지 되기 되도록 되던 되는데 될 된 됨 " +
	// 이다
	"이다 입니다 이었다 였다 이었고 였고 이라 이라고 라고 인 임"

// wordSet is a set of words given as one space-separated string.
type wordSet map[string]bool

func newWordSet(list string) wordSet {
	s := wordSet{}
	for _, w := range strings.Fields(list) {
		s[w] = true
	}
	return s
}

// StopWords returns the words left out of the index.
func StopWords() []string { return strings.Fields(stopWords) }

// KoreanSuffixes returns the particles and endings cut from Korean words.
func KoreanSuffixes() []string { return strings.Fields(koSuffixes) }
