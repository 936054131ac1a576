from ratusz.cli import main

main()
