package site

import "testing"

func TestKindTable(t *testing.T) {
	want := []Kind{KindStory, KindRelease, KindPostMortem, KindDecision, KindMetric, KindPage}
	if len(Kinds) != len(want) {
		t.Fatalf("Kinds = %v, want %v", Kinds, want)
	}
	for i := range want {
		if Kinds[i] != want[i] {
			t.Fatalf("Kinds = %v, want %v", Kinds, want)
		}
	}
	for _, k := range TypedKinds() {
		if got, ok := KindByName(string(k.Name)); !ok || got != k {
			t.Errorf("KindByName(%q) = %v, %v", k.Name, got, ok)
		}
		if got, ok := KindOfFolder(k.Folder); !ok || got != k {
			t.Errorf("KindOfFolder(%q) = %v, %v", k.Folder, got, ok)
		}
		if k.ListURL != "/"+k.Folder+"/" {
			t.Errorf("%s: list URL %q is not its folder's", k.Name, k.ListURL)
		}
	}
	if _, ok := KindByName("page"); ok {
		t.Error("KindByName(page) found a typed kind")
	}
	if _, ok := KindOfFolder("handbook"); ok {
		t.Error("KindOfFolder(handbook) found a typed kind")
	}
}
