import Testing
@testable import ResoDiff

@Suite("Page furniture")
struct PageFurnitureTests {
    @Test("is furniture", arguments: [
        "20-16379", "20-16379 (E) 141220", "*2016379*", "2/3", "3/3", "A/RES/75/68", "2/3 20-16379",
        "A/RES/75/68    Strengthening and developing the system", "Strengthening and developing    A/RES/75/68",
        "Skip to main content", "Home | Documents | Resolutions", "© United Nations 2020", "Distr.: General",
        "Distr. GENERAL", "GENERAL", "ORIGINAL: ENGLISH", "Terms of use", "Page 2", "96-12345 (E)   /...",
    ])
    func furniture(_ line: String) {
        #expect(PageFurniture.isFurniture(line))
    }

    @Test("is text", arguments: [
        "resolution A/RES/75/68 of 7 December 2020,", "75/68. Strengthening", "3/2", "1/ Official Records",
        "2020", "141220", "(E)", "General and complete disarmament", "37th plenary meeting", "Home affairs",
        "____________", "A/75/399", "1. Urges all States;",
    ])
    func text(_ line: String) {
        #expect(!PageFurniture.isFurniture(line))
    }
}
