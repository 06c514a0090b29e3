print("ciid")
