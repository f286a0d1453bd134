# Tests NameError for a name with no similar candidate (no suggestion line).
def main():
    print("in main")
    return zzqqxx_undefined + 1

main()
